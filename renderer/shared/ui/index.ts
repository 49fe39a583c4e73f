/** Presentational parts shared by the kiosk and the clerk console; they know nothing of the network. */
export { Button } from './Button.js';
export type { ButtonProps, ButtonSize, ButtonVariant } from './Button.js';
export { Field } from './Field.js';
export type { FieldControlProps, FieldProps } from './Field.js';
export { StatusMessage } from './StatusMessage.js';
export type { StatusMessageProps, StatusTone } from './StatusMessage.js';
export { Spinner } from './Spinner.js';
export type { SpinnerProps } from './Spinner.js';
export { formatDateTime, formatTime } from './format.js';
export type { DateTimeFormatOptions } from './format.js';
export { Icon } from './Icon.js';
export type { IconName } from './Icon.js';

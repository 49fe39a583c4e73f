#!/usr/bin/python3
"""The receiving office's side of the FIT-Connect stand-in, with tools independent of the hub:
python3-jwcrypto decrypts data, metadata and attachments with the destination's private key,
python3-jsonschema validates the metadata against the vendored FIT-Connect metadata schema, and
hashlib checks the SHA-512 values the metadata names. Reads one JSON request on stdin, writes
one JSON answer on stdout; exits 0 even when the content is bad (the answer says why)."""

import hashlib
import json
import sys

import jsonschema
from jwcrypto import jwe, jwk


def decrypt(key, compact):
    token = jwe.JWE()
    token.deserialize(compact, key=key)
    header = token.jose_header
    if header.get("alg") != "RSA-OAEP-256" or header.get("enc") != "A256GCM":
        raise ValueError("unexpected algorithms %s/%s" % (header.get("alg"), header.get("enc")))
    return token.payload


def main():
    request = json.load(sys.stdin)
    key = jwk.JWK(**request["privateJwk"])
    with open(request["schemaPath"], encoding="utf-8") as f:
        schema = json.load(f)
    errors = []
    data_bytes = decrypt(key, request["encryptedData"])
    metadata = json.loads(decrypt(key, request["encryptedMetadata"]))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for error in validator.iter_errors(metadata):
        errors.append("metadata %s: %s" % ("/".join(str(p) for p in error.path), error.message))
    structure = metadata.get("contentStructure", {})
    data_hash = structure.get("data", {}).get("hash", {}).get("content")
    if data_hash != hashlib.sha512(data_bytes).hexdigest():
        errors.append("data: SHA-512 does not match the metadata")
    attachments = {}
    listed = {a.get("attachmentId"): a for a in structure.get("attachments", [])}
    for attachment_id, compact in request.get("attachments", {}).items():
        plain = decrypt(key, compact)
        digest = hashlib.sha512(plain).hexdigest()
        attachments[attachment_id] = {"sha512": digest, "size": len(plain)}
        entry = listed.get(attachment_id)
        if entry is None:
            errors.append("attachment %s is not in the metadata" % attachment_id)
        elif entry.get("hash", {}).get("content") != digest:
            errors.append("attachment %s: SHA-512 does not match the metadata" % attachment_id)
    for attachment_id in listed:
        if attachment_id not in attachments:
            errors.append("attachment %s is in the metadata but did not arrive" % attachment_id)
    json.dump(
        {
            "ok": not errors,
            "errors": errors,
            "data": json.loads(data_bytes),
            "metadata": metadata,
            "attachments": attachments,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()

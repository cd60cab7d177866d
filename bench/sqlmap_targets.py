#!/usr/bin/env python3
"""The targets of bench/sqlmap.sh, read from the committed spec (openapi/openapi.json).

Prints one target per line, tab-separated:
  GET  <url with the parameter set to a valid value>  <parameter>
  POST <url>  <file holding a body made from the spec's example>  <role of the key: editor, or admin for API keys>  <parameter to randomize, or ->
for every query parameter of every list, stats and export operation (the GET operations on
collection paths) and every create (POST with a JSON body on a collection path). A parameter gets a
value the service accepts (real IDs, codes and cursors read from the running service), and a create
gets a body the service accepts (the spec's example without its parts' IDs; checked by sending it
once), so sqlmap compares its payloads with a real answer rather than with a 400 or a 422.

usage: sqlmap_targets.py BASE_URL BODY_DIR
"""
import json
import os
import re
import sys
import urllib.parse

import requests

BASE, BODY_DIR = sys.argv[1], sys.argv[2]
spec = json.load(open(os.path.join(os.path.dirname(__file__), "..", "openapi", "openapi.json")))


def deref(node):
    if "$ref" not in node:
        return node
    target = spec
    for part in node["$ref"].lstrip("#/").split("/"):
        target = target[part]
    return deref(target)


def first(path, field):
    """A value of a field of the first record of a public list of the running service."""
    data = requests.get(BASE + path, timeout=30).json()["data"]
    return data[0][field] if data else None


VENDOR = first("/api/v1/vendors?limit=1", "id")
LOCALITY = first("/api/v1/localities?limit=1", "id")
CAPABILITY = first("/api/v1/capabilities", "code")
REGION = next(c["region"] for c in requests.get(BASE + "/api/v1/countries?limit=50&has_deployments=true", timeout=30)
              .json()["data"] if c.get("region"))
FIXED = {"country": "KG", "vendor": VENDOR, "locality": LOCALITY, "capability": CAPABILITY, "region": REGION,
         "q": "Bishkek", "lender": "Exim", "language": "en", "as_of": "2026-01-01T00:00:00Z", "limit": "10",
         "min_cameras": "1", "max_cameras": "100000"}


def cursor(path, name):
    """A real cursor of this list: the next page's, from a first page of one item."""
    answer = requests.get(BASE + path + "?limit=1", timeout=30, headers=auth_for(path)).json()
    return answer.get("next_cursor") or "x"


def auth_for(path):
    # the moderation queue is read with a key; everything else here is public
    return {"Authorization": "Bearer " + os.environ["ADMIN_KEY"]} if path.endswith("/submissions") else {}


def value(path, param):
    name = param["name"]
    schema = deref(param.get("schema", {}))
    if schema.get("type") == "array":
        schema = deref(schema["items"])
    if name in ("cursor", "since"):
        return cursor(path, name)
    if name in FIXED:
        return FIXED[name]
    if "enum" in schema:
        return schema["enum"][0]
    if schema.get("type") == "boolean":
        return "true"
    if schema.get("type") == "integer":
        return str(max(schema.get("minimum", 0), min(2015, schema.get("maximum", 2015))))
    raise SystemExit(f"no valid value known for parameter {name} of {path}; add it to FIXED")


def is_uuid(value):
    return isinstance(value, str) and re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", value) is not None


def part_ids(node, top=True):
    if isinstance(node, dict):
        found = {node["id"]} if not top and is_uuid(node.get("id")) else set()
        for v in node.values():
            found |= part_ids(v, False)
        return found
    if isinstance(node, list):
        return set().union(*(part_ids(v, False) for v in node)) if node else set()
    return set()


def strip_part_ids(node, ids=None, top=True):
    """The example is a record's input form, whose parts carry their IDs (for a replace); a create leaves them out,
    and so cannot refer from one new part to another (a tranche to its package): such references go too."""
    ids = part_ids(node) if ids is None else ids
    if isinstance(node, dict):
        # a part's ID is a UUID; an external identifier's "id" (a loan's number in a dataset) is data and stays
        return {k: strip_part_ids(v, ids, False) for k, v in node.items()
                if not (not top and k == "id" and is_uuid(v)) and not (isinstance(v, str) and v in ids)}
    if isinstance(node, list):
        return [strip_part_ids(v, ids, False) for v in node]
    return node


count = 0
for path, item in spec["paths"].items():
    if "{" in path:
        continue
    get = item.get("get")
    for param in (deref(p) for p in (get or {}).get("parameters", [])):
        if param["in"] != "query":
            continue
        url = BASE + path + "?" + urllib.parse.urlencode({param["name"]: value(path, param)})
        print(f"GET\t{url}\t{param['name']}")
        count += 1
    post = item.get("post")
    if post and "application/json" in post.get("requestBody", {}).get("content", {}):
        schema = deref(post["requestBody"]["content"]["application/json"]["schema"])
        examples = schema.get("examples") or []
        if not examples:
            raise SystemExit(f"the spec has no example body for POST {path}")
        body = strip_part_ids(examples[0])
        randomize = "-"
        if path.endswith("/vendors"):
            # a vendor's name is unique: a new one, which sqlmap changes at every request (--randomize=name)
            body["name"] = "[synthetic] sqlmap vendor"
            randomize = "name"
        body_file = os.path.join(BODY_DIR, path.strip("/").replace("/", "_") + ".json")
        with open(body_file, "w") as f:
            json.dump(body, f)
        accepted = requests.post(BASE + path, json=body, timeout=30, headers={"Authorization": "Bearer " + os.environ[
            "ADMIN_KEY" if path.endswith("/api-keys") else "EDITOR_KEY"]})
        if accepted.status_code not in (201, 202):
            raise SystemExit(f"POST {path} refuses the body made from the spec's example ({accepted.status_code}): "
                             f"{accepted.text[:500]}")
        print(f"POST\t{BASE + path}\t{body_file}\t{'admin' if path.endswith('/api-keys') else 'editor'}\t{randomize}")
        count += 1
print(f"{count} targets", file=sys.stderr)

"""Readable cassettes: YAML with JSON bodies stored as parsed data, noisy headers dropped.

Registered in place of vcrpy's own ``yaml`` serializer (see ``conftest.py``), so files
keep the ``.yaml`` suffix pytest-recording gives them. A body that is
JSON is written under ``json:`` so a re-recording diffs line by line; on load it is dumped
back to a string, and vcrpy's body matcher compares JSON bodies parsed, so whitespace
does not matter. Request headers keep only what matching needs; response headers keep
only the content type and rate-limit hints."""

from __future__ import annotations

import json
from typing import Any

import yaml

NAME = "yaml"
_KEEP_REQUEST = {"content-type", "accept"}
_KEEP_RESPONSE = {"content-type", "retry-after", "retry-after-ms"}


class _Dumper(yaml.SafeDumper):
    """Multi-line strings (prompts, model answers) as literal blocks: one line per line."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def _keep(headers: dict[str, Any], names: set[str]) -> dict[str, Any]:
    return {k: v for k, v in headers.items() if k.lower() in names}


def before_record_request(request: Any) -> Any:
    """Drop every header but the content type: authorization, x-stainless-*, user agent."""
    for name in list(request.headers):
        if name.lower() not in _KEEP_REQUEST:
            del request.headers[name]
    return request


def before_record_response(response: dict[str, Any]) -> dict[str, Any]:
    """Drop date, set-cookie, request ids, server names and the like."""
    response["headers"] = _keep(response.get("headers", {}), _KEEP_RESPONSE)
    return response


def _as_json(text: Any) -> Any:
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            return None
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        return {"json": json.loads(text)}
    except ValueError:
        return None


def serialize(cassette: dict[str, Any]) -> str:
    for interaction in cassette.get("interactions", []):
        request, response = interaction["request"], interaction["response"]
        parsed = _as_json(request.get("body"))
        if parsed is not None:
            request["body"] = parsed
        parsed = _as_json(response.get("body", {}).get("string"))
        if parsed is not None:
            response["body"] = parsed
    return yaml.dump(cassette, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def deserialize(text: str) -> dict[str, Any]:
    cassette: dict[str, Any] = yaml.safe_load(text) or {}
    for interaction in cassette.get("interactions", []):
        request, response = interaction["request"], interaction["response"]
        if isinstance(request.get("body"), dict) and "json" in request["body"]:
            request["body"] = json.dumps(request["body"]["json"])
        body = response.get("body", {})
        if isinstance(body, dict) and "json" in body:
            response["body"] = {"string": json.dumps(body["json"], ensure_ascii=False)}
            headers = response.get("headers", {})
            response["headers"] = {
                k: v for k, v in headers.items() if k.lower() != "content-length"
            }
    return cassette

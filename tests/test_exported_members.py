"""The public surface changes only on purpose (as httpx guards its own)."""

from __future__ import annotations

import sourcecheck


def test_all_names_exist_and_are_sorted() -> None:
    for name in sourcecheck.__all__:
        assert hasattr(sourcecheck, name), name
    names = [n for n in sourcecheck.__all__ if not n.startswith("_")]
    assert names == sorted(names)


def test_public_objects_say_they_are_sourcecheck_s() -> None:
    for name in sourcecheck.__all__:
        obj = getattr(sourcecheck, name)
        if hasattr(obj, "__module__") and callable(obj):
            assert obj.__module__.startswith("sourcecheck"), name


def test_no_private_name_is_exported() -> None:
    private = [n for n in sourcecheck.__all__ if n.startswith("_") and n != "__version__"]
    assert private == []

"""The typing checks are read by mypy, not run: pytest does not import them."""

collect_ignore = ["signatures.py"]

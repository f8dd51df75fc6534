"""Writers of the model: the canonical JSON interchange format."""

from .canonical import dumps, from_dict, loads, to_dict

__all__ = ["dumps", "from_dict", "loads", "to_dict"]

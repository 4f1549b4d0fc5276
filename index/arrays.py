"""Files of a snapshot: numpy arrays written once with their checksum, opened memory-mapped.

Why: everything the query side needs is built at re-index time and saved beside the vectors, so
opening an index costs reading a manifest, not rebuilding BM25 or parsing a million passages.
An array opened with ``mmap_mode="r"`` costs nothing until a page is touched, and several
processes serving the same snapshot share those pages.

Each file's SHA-256 is computed while it is written (one pass) and checked against the manifest
when the snapshot is verified.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> writer = FileWriter(folder)
>>> writer.array("x", np.arange(3, dtype=np.int32))
>>> table = StringTable.build(["xin", "chào", ""])
>>> table.save(writer, "words")
>>> sorted(writer.files)
['words.blob.npy', 'words.offsets.npy', 'x.npy']
>>> reader = FileReader(folder)
>>> reader.array("x").tolist(), StringTable.open(reader, "words")[1]
([0, 1, 2], 'chào')
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np


class _HashingFile(io.RawIOBase):
    """A write-only file that feeds every byte to SHA-256 on its way to disk."""

    def __init__(self, path: Path) -> None:
        self._fh = path.open("wb")
        self.digest = hashlib.sha256()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        self.digest.update(view)
        self._fh.write(view)
        self.size += len(view)
        return len(view)

    def close(self) -> None:
        if not self._fh.closed:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
        super().close()


class FileWriter:
    """Writes a snapshot's files into one folder and remembers each one's size and checksum."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[str, dict[str, Any]] = {}

    def _open(self, name: str) -> _HashingFile:
        if name in self.files:
            raise ValueError(f"snapshot file {name!r} written twice")
        return _HashingFile(self.folder / name)

    def _done(self, name: str, fh: _HashingFile) -> None:
        fh.close()
        self.files[name] = {"bytes": fh.size, "sha256": fh.digest.hexdigest()}

    def array(self, key: str, array: np.ndarray) -> None:
        """`key`.npy: opened memory-mapped (the layout is C-contiguous)."""
        name = f"{key}.npy"
        fh = self._open(name)
        np.lib.format.write_array(fh, np.ascontiguousarray(array), allow_pickle=False)
        self._done(name, fh)

    def bytes(self, name: str, data: bytes) -> None:
        fh = self._open(name)
        fh.write(data)
        self._done(name, fh)

    def pickle(self, key: str, obj: object) -> None:
        """`key`.pickle: for vocabulary-sized tables (they grow with distinct words, not with passages)."""
        self.bytes(f"{key}.pickle", pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))

    def adopt(self, name: str) -> None:
        """Record a file another library wrote into the folder (FAISS writes its own)."""
        path = self.folder / name
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        self.files[name] = {"bytes": path.stat().st_size, "sha256": digest.hexdigest()}


class FileReader:
    """Opens a snapshot's files: arrays memory-mapped, small tables unpickled."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, name: str) -> Path:
        return self.folder / name

    def array(self, key: str) -> np.ndarray:
        array = np.load(self.folder / f"{key}.npy", mmap_mode="r", allow_pickle=False)
        # A zero-length array cannot be memory-mapped: numpy returns it in memory, which is free.
        return array

    def pickle(self, key: str) -> Any:
        with (self.folder / f"{key}.pickle").open("rb") as fh:
            return pickle.load(fh)  # noqa: S301 (our own file, checksummed in the manifest)


class StringTable(Sequence[str]):
    """Many strings as one UTF-8 blob plus offsets: the i-th string is decoded only when asked for.

    A million passages' texts as Python strings take gigabytes and seconds to parse; as a blob
    they take their size on disk, memory-mapped.
    """

    def __init__(self, blob: np.ndarray, offsets: np.ndarray) -> None:
        self._blob = blob
        self._offsets = offsets

    @classmethod
    def build(cls, strings: Iterable[str]) -> StringTable:
        encoded = [s.encode("utf-8") for s in strings]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(b) for b in encoded], out=offsets[1:])
        blob = np.frombuffer(b"".join(encoded), dtype=np.uint8)
        return cls(blob, offsets)

    def save(self, writer: FileWriter, key: str) -> None:
        writer.array(f"{key}.blob", self._blob)
        writer.array(f"{key}.offsets", self._offsets)

    @classmethod
    def open(cls, reader: FileReader, key: str) -> StringTable:
        return cls(reader.array(f"{key}.blob"), reader.array(f"{key}.offsets"))

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        if i < 0:
            i += len(self)
        start, end = int(self._offsets[i]), int(self._offsets[i + 1])
        return self._blob[start:end].tobytes().decode("utf-8")

    def lengths(self) -> np.ndarray:
        """Bytes of each string (without decoding any)."""
        return np.diff(self._offsets)

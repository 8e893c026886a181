"""A file stamp's token changes with every bump and never comes back, through rotation too."""

from __future__ import annotations

from app.cache.stamps import FileStamps


def test_every_bump_gives_a_token_never_seen(tmp_path):
    stamps = FileStamps(tmp_path)
    assert stamps.read("catalog") == ""
    seen = {stamps.read("catalog")}
    for _ in range(50):
        stamps.bump({"catalog"})
        token = stamps.read("catalog")
        assert token not in seen
        seen.add(token)


def test_a_bump_touches_only_its_caches(tmp_path):
    stamps = FileStamps(tmp_path)
    stamps.bump({"catalog", "venues"})
    venues = stamps.read("venues")
    stamps.bump({"catalog"})
    assert stamps.read("venues") == venues


def test_a_grown_stamp_starts_a_new_file_with_a_new_token(tmp_path, monkeypatch):
    monkeypatch.setattr(FileStamps, "ROTATE_AT", 3)
    stamps, other_worker = FileStamps(tmp_path), FileStamps(tmp_path)
    tokens = []
    for _ in range(8):
        stamps.bump({"orders"})
        tokens.append(other_worker.read("orders"))
    assert len(set(tokens)) == len(tokens)
    assert (tmp_path / "orders").stat().st_size <= 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["orders"]  # no scratch left

import pytest

from tests.helpers.uploads import BASE


@pytest.fixture
def upload_dir(app, tmp_path, monkeypatch):
    """Local storage in a directory of this test's, addressed under BASE/media/."""
    directory = tmp_path / "uploads"
    monkeypatch.setitem(app.config, "UPLOAD_DIR", str(directory))
    monkeypatch.setitem(app.config, "PUBLIC_BASE_URL", BASE)
    return directory

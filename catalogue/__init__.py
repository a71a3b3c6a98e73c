"""The catalogue of Digital Innovation Hubs: the Flask application factory."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask
from threadpoolctl import threadpool_limits

from catalogue.config import (
    TEMPLATES_DIR,
    Defaults,
    apply_https,
    choose_cache_backend,
    database_url,
    refuse_unsafe_settings,
)


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Create and configure an instance of the catalogue application."""
    app = Flask(__name__, instance_relative_config=True, template_folder=str(TEMPLATES_DIR))
    app.config.from_object(Defaults)
    app.config.from_prefixed_env()
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url(app.instance_path)
    if test_config is not None:
        app.config.update(test_config)
    refuse_unsafe_settings(app.config)
    apply_https(app.config)
    choose_cache_backend(app.config)
    os.makedirs(app.instance_path, exist_ok=True)

    from catalogue import (
        cli,
        database,
        devset_cli,
        errors,
        i18n,
        page_cache,
        request_checks,
        security,
        service_words,
        templating,
    )
    from catalogue.accounts import auth, commands
    from catalogue.accounts.views import bp as accounts_bp
    from catalogue.api.blueprint import allow_listed_origins, limit_api
    from catalogue.extensions import csrf, db, migrate, new_limiter
    from catalogue.models.search import described_by_models
    from catalogue.needs import commands as need_commands
    from catalogue.needs.blueprint import limit_needs
    from catalogue.needs.views import bp as needs_bp
    from catalogue.services.indexing import IndexHolder, IndexSettings

    database.init_app(app)
    page_cache.init_app(app)
    # Each worker answers one request at a time on a shared core: BLAS threads only contend
    # (a 12,000 x 384 product took 5x longer with two threads on a busy machine).
    threadpool_limits(app.config["MATCH_BLAS_THREADS"], user_api="blas")
    app.extensions["match_index"] = IndexHolder(IndexSettings.from_config(app.config))
    migrate.init_app(
        app,
        db,
        directory=str(database.MIGRATIONS_DIR),
        render_as_batch=True,
        include_name=described_by_models,
    )
    csrf.init_app(app)
    limiter = new_limiter()
    limit_api(limiter)
    allow_listed_origins(app)
    auth.limit_logins(limiter, accounts_bp)
    limit_needs(limiter, needs_bp)
    limiter.init_app(app)
    errors.init_app(app)
    auth.init_app(app)
    request_checks.init_app(app)
    i18n.init_app(app)  # before security: a proxy's path prefix comes before the language
    security.init_app(app)
    service_words.init_app(app)
    templating.init_app(app)
    cli.init_app(app)
    devset_cli.init_app(app)
    commands.init_app(app)
    need_commands.init_app(app)
    _register_blueprints(app)
    return app


def _register_blueprints(app: Flask) -> None:
    from catalogue.accounts import token_views  # noqa: F401 - its routes join accounts_bp
    from catalogue.accounts.views import bp as accounts_bp
    from catalogue.api import bp as api_bp
    from catalogue.api.blueprint import API_PREFIX
    from catalogue.explore.views import bp as explore_bp
    from catalogue.extensions import csrf
    from catalogue.moderation import needs_views  # noqa: F401 - its routes join moderation_bp
    from catalogue.moderation.views import bp as moderation_bp
    from catalogue.needs.views import bp as needs_bp
    from catalogue.practices.views import bp as practices_bp
    from catalogue.public.views import bp as public_bp
    from catalogue.publish import hub_need_views, inbox_views  # noqa: F401 - join publish_bp
    from catalogue.publish.views import bp as publish_bp
    from catalogue.workshop.views import bp as workshop_bp

    app.register_blueprint(public_bp)
    app.register_blueprint(accounts_bp)
    app.register_blueprint(publish_bp)
    app.register_blueprint(moderation_bp)
    app.register_blueprint(needs_bp, url_prefix="/needs")
    app.register_blueprint(workshop_bp, url_prefix="/workshop")
    app.register_blueprint(practices_bp, url_prefix="/practices")
    app.register_blueprint(explore_bp, url_prefix="/explore")
    csrf.exempt(api_bp)
    app.register_blueprint(api_bp, url_prefix=API_PREFIX)

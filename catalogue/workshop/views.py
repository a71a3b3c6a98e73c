"""Placeholder: being written."""
from flask import Blueprint
bp = Blueprint("workshop", __name__)

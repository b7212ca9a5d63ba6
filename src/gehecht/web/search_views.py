"""Search page (results as you type, htmx) and JSON API."""

from fastapi import APIRouter

router = APIRouter()

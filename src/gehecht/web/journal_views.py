"""Journal pages and API; filled in by the journal issue."""

from fastapi import APIRouter

router = APIRouter()

"""Guide (wegwijzer) pages and API; filled in by the guide issue."""

from fastapi import APIRouter

router = APIRouter()

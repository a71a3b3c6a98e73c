"""The publishers' blueprint: claims, new organisations, editing profiles and services."""

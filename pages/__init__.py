"""Playwright page objects: one class per screen, locators from the visible Chinese labels."""

"""The sync side of the window: controller, sign-in, pending changes and conflicts."""

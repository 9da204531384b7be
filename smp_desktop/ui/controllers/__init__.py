"""Controllers: connect a view's signals to the services, and keep the screen in step with the data."""

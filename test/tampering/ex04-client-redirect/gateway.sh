# Nothing to do here: client takes care of itself.
true

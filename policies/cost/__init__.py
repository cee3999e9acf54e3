"""paved's cost model: monthly list prices per resource, by tier, for the budget policies and the tools."""

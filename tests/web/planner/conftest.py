from tests.web.offers.conftest import alice, bob  # noqa: F401  (the same named users)

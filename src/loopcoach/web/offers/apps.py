from django.apps import AppConfig


class OffersConfig(AppConfig):
    name = "loopcoach.web.offers"
    label = "offers"
    verbose_name = "Offers and market bands"

    def ready(self) -> None:
        from loopcoach.web.core.pagecache import watch_content
        from loopcoach.web.offers.models import CompensationDataPoint

        # The guide page shows the market bands: a new or removed data point is new content.
        watch_content(CompensationDataPoint)

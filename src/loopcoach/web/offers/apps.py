from django.apps import AppConfig


class OffersConfig(AppConfig):
    name = "loopcoach.web.offers"
    label = "offers"
    verbose_name = "Offers and market bands"

from django.urls import path

from loopcoach.web.offers import views

app_name = "offers"
urlpatterns = [
    path("", views.calculator, name="calculator"),
    path("saved/<int:pk>/delete", views.saved_offer_delete, name="delete"),
    path("market/", views.market, name="market"),
    path("market/add", views.market_add, name="market-add"),
    path("market/points/<int:pk>/delete", views.market_point_delete, name="point-delete"),
]

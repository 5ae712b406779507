from django.urls import path

from loopcoach.web.guides import views

app_name = "guides"
urlpatterns = [
    # The principles routes come first: "principles" is not a role.
    path("<slug:company>/principles/", views.principle_list, name="principles"),
    path("<slug:company>/principles/<slug:slug>/", views.principle_detail, name="principle"),
    path("<slug:company>/<slug:role>/", views.guide_detail, name="guide"),
]

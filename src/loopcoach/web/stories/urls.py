from django.urls import path

from loopcoach.web.stories import views

app_name = "stories"
urlpatterns = [
    path("", views.story_list, name="list"),
    path("new/", views.story_create, name="create"),
    path("coverage/", views.coverage, name="coverage"),
    path("export.md", views.story_export, name="export"),
    path("import/", views.story_import, name="import"),
    path("<int:pk>/", views.story_detail, name="detail"),
    path("<int:pk>/edit/", views.story_edit, name="edit"),
    path("<int:pk>/principles/", views.story_principles_confirm, name="principles"),
    path("<int:pk>/delete/", views.story_delete, name="delete"),
]

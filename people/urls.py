from django.urls import path

from people import views

urlpatterns = [
    path("people/", views.person_index, name="person_index"),
    path("people/<slug:slug>/", views.person_detail, name="person"),
    path("partners/", views.partner_index, name="partner_index"),
    path("partners/<slug:slug>/", views.partner_detail, name="partner"),
]

from django.shortcuts import render


def permission_denied(request, exception=None):
    return render(request, "web/error.html", {"status": 403, "exception": exception}, status=403)


def page_not_found(request, exception=None):
    return render(request, "web/error.html", {"status": 404, "exception": exception}, status=404)


def server_error(request):
    return render(request, "web/error.html", {"status": 500}, status=500)

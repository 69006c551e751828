from axes.backends import AxesStandaloneBackend


class ThrottledSignInBackend(AxesStandaloneBackend):
    """django-axes' lock-out check, for sign-ins that come with a web request.

    Every sign-in form passes its request to authenticate(), and is throttled. Code that
    authenticates outside a request (the shell, a command, the test client's login()) has no
    address to count, and is let through to the next backend instead of failing.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

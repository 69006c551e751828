from django import forms


class CodeForm(forms.Form):
    """The six-digit code an authenticator app shows."""

    code = forms.RegexField(
        label="Code from your authenticator app",
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": "Enter the 6 digits your authenticator app shows."},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "maxlength": 8}
        ),
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip()

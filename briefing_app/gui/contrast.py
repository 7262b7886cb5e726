"""Colours that stay readable on light and dark palettes alike: WCAG contrast and its repair.

The app follows the system's palette, so a colour chosen for black text on white (a yellow
mark, a dark-blue heading) can land under light text or on a dark base. These helpers say how
far two colours stand apart (the WCAG 2 contrast ratio, 4.5:1 for text) and move a colour's
lightness, keeping its hue, until it reads on the background it is drawn on.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

# WCAG 2 AA for body text; large or bold text needs 3:1, but we hold everything to 4.5.
TEXT_CONTRAST = 4.5
# WCAG 2 asks 3:1 of graphics that carry meaning (1.4.11: icons, frames), against their ground.
GRAPHICS_CONTRAST = 3.0
# Near-black and near-white text for a fixed background (pure black glares on bright fills).
DARK_TEXT, LIGHT_TEXT = QColor("#1b1b1b"), QColor("#f5f5f5")


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """Return the WCAG relative luminance of an opaque colour (0 black … 1 white)."""
    r, g, b = (_linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: QColor, b: QColor) -> float:
    """Return the WCAG contrast ratio of two opaque colours (1 … 21).

    >>> round(contrast_ratio(QColor("black"), QColor("white")))
    21
    """
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def composite(colour: QColor, background: QColor) -> QColor:
    """Return a translucent colour as it shows painted over an opaque background."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(
        colour.redF() * alpha + background.redF() * (1 - alpha),
        colour.greenF() * alpha + background.greenF() * (1 - alpha),
        colour.blueF() * alpha + background.blueF() * (1 - alpha),
    )


def text_for(background: QColor) -> QColor:
    """Return near-black or near-white, whichever reads better on an opaque background."""
    dark, light = contrast_ratio(DARK_TEXT, background), contrast_ratio(LIGHT_TEXT, background)
    return QColor(DARK_TEXT if dark >= light else LIGHT_TEXT)


def readable(colour: QColor, background: QColor, minimum: float = TEXT_CONTRAST) -> QColor:
    """Return colour, lightened or darkened toward the far end, until it reads on background.

    The hue is kept as long as it can be: a red stays red, lighter on a dark base.
    """
    opaque = composite(colour, background)
    if contrast_ratio(opaque, background) >= minimum:
        return opaque
    target = text_for(background)
    for step in range(1, 21):
        share = step / 20
        mixed = QColor.fromRgbF(
            opaque.redF() * (1 - share) + target.redF() * share,
            opaque.greenF() * (1 - share) + target.greenF() * share,
            opaque.blueF() * (1 - share) + target.blueF() * share,
        )
        if contrast_ratio(mixed, background) >= minimum:
            return mixed
    return target


def is_dark(palette: QPalette) -> bool:
    """Say whether a palette draws light text on a dark base (a dark theme)."""
    return luminance(palette.color(QPalette.ColorRole.Base)) < luminance(
        palette.color(QPalette.ColorRole.Text)
    )


# The red of a refusal or a failed check, as chosen for a white window.
ERROR_RED = QColor("#c0392b")


def error_colour(palette: QPalette, behind: QPalette.ColorRole = QPalette.ColorRole.Window) -> str:
    """Return the red for error words on a palette's role (the window, a tooltip), as a name."""
    return readable(ERROR_RED, palette.color(behind)).name()

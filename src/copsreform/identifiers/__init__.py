"""Identifiers of the COPS domain, one module each, after python-stdnum.

Every module offers the same four functions: ``compact`` (normalise only),
``validate`` (return the canonical form or raise
:class:`~copsreform.errors.ValidationError`), ``is_valid`` (never raises) and ``format``
(the display form).

Modules:
    - :mod:`~copsreform.identifiers.ori`: FBI/NCIC Originating Agency Identifier.
    - :mod:`~copsreform.identifiers.uei`: SAM.gov Unique Entity ID.
    - :mod:`~copsreform.identifiers.award_number`: COPS award number (FAIN).
    - :mod:`~copsreform.identifiers.solicitation`: COPS solicitation (funding opportunity)
      number.
    - :mod:`~copsreform.identifiers.assistance_listing`: Assistance Listing number
      (formerly CFDA).

Examples:
    >>> from copsreform.identifiers import award_number, ori
    >>> ori.validate("ma0130100")
    'MA0130100'
    >>> award_number.format("15JCOPS24GG03715UHPX")
    '15JCOPS-24-GG-03715-UHPX'
"""

from copsreform.identifiers import assistance_listing, award_number, ori, solicitation, uei

__all__ = ["assistance_listing", "award_number", "ori", "solicitation", "uei"]

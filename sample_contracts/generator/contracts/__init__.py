"""The sample contracts, one module each. ``ALL_CONTRACTS`` lists their factories in output order."""

from __future__ import annotations

from . import (
    academic_medicine_faculty,
    anesthesia_group,
    cardiology_sign_on,
    dermatology_private_practice,
    emergency_medicine_group,
    family_medicine_wrvu,
    gastroenterology_partnership,
    general_surgery_rural,
    hospitalist_employed,
    obgyn_employed,
    orthopaedics_partnership_track,
    pediatrics_offer_letter,
    psychiatry_fair,
    urology_group,
)

ALL_CONTRACTS = [
    hospitalist_employed.contract,
    orthopaedics_partnership_track.contract,
    gastroenterology_partnership.contract,
    academic_medicine_faculty.contract,
    anesthesia_group.contract,
    family_medicine_wrvu.contract,
    cardiology_sign_on.contract,
    emergency_medicine_group.contract,
    obgyn_employed.contract,
    dermatology_private_practice.contract,
    psychiatry_fair.contract,
    urology_group.contract,
    general_surgery_rural.contract,
    pediatrics_offer_letter.contract,
]

"""The demo's example profiles: the matching set's organisations, findable and verified, kept by
the partner of their city or country, with vectors computed in batches; one that did not wish to
be found; and the stakeholder account `sme` representing a Kaunas organisation."""

import pytest

from ecocsme.organisations.demo import (
    HIDDEN_EXAMPLE,
    SME_ORGANISATION,
    SME_USERNAME,
    example_profile_records,
    example_profiles_load,
    sme_user_load,
)
from ecocsme.organisations.models import Organisation
from ecocsme.organisations.selectors import findable_profiles
from ecocsme.text.embeddings import default_embedder


@pytest.mark.django_db
def test_the_example_profiles_load_once_with_their_vectors(project, client):
    steps = []
    count = example_profiles_load(progress=lambda done, total: steps.append((done, total)))
    records = example_profile_records()
    assert count == len(records) + 1 == 141
    assert steps[-1] == (141, 141) and len(steps) == 3  # batches of 64
    assert findable_profiles().count() == 140
    examples = Organisation.objects.filter(is_example=True, verified_at__isnull=False)
    assert all(o.profile_vector_model == default_embedder().name for o in examples.filter(findable=True))
    kaunas = Organisation.objects.get(name=SME_ORGANISATION)
    assert kaunas.partner.city == "Kaunas" and {s.code for s in kaunas.sectors.all()} == {"56", "10"}
    hidden = Organisation.objects.get(name=HIDDEN_EXAMPLE["name"])
    assert not hidden.findable and hidden.is_verified
    assert client.get(f"/en/organisations/{hidden.pk}/").status_code == 404
    assert client.get(f"/en/organisations/{kaunas.pk}/").status_code == 200
    assert example_profiles_load() == 141 and Organisation.objects.filter(name=SME_ORGANISATION).count() == 1

    user = sme_user_load()
    assert user.username == SME_USERNAME and user.check_password("ecocsme-demo")
    assert sme_user_load() == user
    client.force_login(user)
    page = client.get("/en/my/organisation/").content.decode()
    assert "Nemunas Food Lab" in page
    assert client.get(f"/en/my/organisation/{kaunas.pk}/edit/").status_code == 200

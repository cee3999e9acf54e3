"""The price refresh, offline: a stubbed Price List client answers as the real API does.

The products are shaped as ``GetProducts`` returns them: ``PriceList`` is a list of JSON strings, each a
product with ``product.attributes`` (``usagetype``, ``instanceType`` …), ``product.sku`` and
``terms.OnDemand.<sku>.<offer>.priceDimensions.<rate code>`` holding ``unit``, ``beginRange``, ``endRange``
and ``pricePerUnit.USD`` as a ten-decimal string — the example response of boto/botocore
``botocore/data/pricing/2017-10-15/examples-1.json`` @cd92077 (an io1 volume in Canada (Central)). The
attribute filters each new family is queried with follow infracost/infracost
``internal/resources/aws/*.go`` @95ba4f4 (eks_cluster, redshift_cluster, search_domain, msk_cluster,
kinesis_stream …).
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber
from cost.pricebook import dump_price_document, load_price_book
from cost.refresh import NOT_IN_PRICE_LIST, main, on_demand_price, query_for

TODAY = datetime.date.today().isoformat()


def product(
    sku: str, service: str, usagetype: str, dimensions: list[tuple[str, str, str]], unit: str, **attributes: str
) -> str:
    """A Price List product as ``GetProducts`` returns it: a JSON string with its on-demand terms."""
    term = f"{sku}.JRTCKXETXF"
    return json.dumps(
        {
            "product": {
                "productFamily": attributes.pop("productFamily", "Compute Instance"),
                "attributes": {"servicecode": service, "usagetype": usagetype, **attributes},
                "sku": sku,
            },
            "serviceCode": service,
            "terms": {
                "OnDemand": {
                    term: {
                        "priceDimensions": {
                            f"{term}.{index}": {
                                "unit": unit,
                                "beginRange": begin,
                                "endRange": end,
                                "description": f"{usd} per {unit}",
                                "appliesTo": [],
                                "rateCode": f"{term}.{index}",
                                "pricePerUnit": {"USD": usd},
                            }
                            for index, (begin, end, usd) in enumerate(dimensions)
                        },
                        "sku": sku,
                        "effectiveDate": "2026-11-01T00:00:00Z",
                        "offerTermCode": "JRTCKXETXF",
                        "termAttributes": {},
                    }
                }
            },
            "version": "20261101000000",
            "publicationDate": "2026-11-01T00:00:00Z",
        }
    )


def page(*items: str, token: str | None = None) -> dict[str, Any]:
    """One ``GetProducts`` response page."""
    response: dict[str, Any] = {"FormatVersion": "aws_v1", "PriceList": list(items)}
    if token:
        response["NextToken"] = token
    return response


ZONE = product("R53ZONE", "AmazonRoute53", "HostedZone", [("0", "25", "0.5000000000")], "HostedZone")
T4G_MICRO = product(
    "T4GMICRO", "AmazonEC2", "BoxUsage:t4g.micro", [("0", "Inf", "0.0084000000")], "Hrs", instanceType="t4g.micro"
)
COGNITO_ESSENTIALS = product(
    "COGESS",
    "AmazonCognito",
    "USE1-CognitoUserPoolsEssentialsMAU",
    [("10000", "Inf", "0.0150000000"), ("0", "10000", "0.0000000000")],
    "MAU",
)
NAT_BYTES = product(
    "NATBYTES", "AmazonEC2", "NatGateway-Bytes", [("0", "Inf", "0.0450000000")], "GB", productFamily="NAT Gateway"
)
NAT_HOURS = product(
    "NATHOURS", "AmazonEC2", "NatGateway-Hours", [("0", "Inf", "0.0450000000")], "Hrs", productFamily="NAT Gateway"
)
T4G_MICRO_FRANKFURT = product("FRA", "AmazonEC2", "EUC1-BoxUsage:t4g.micro", [("0", "Inf", "0.0096000000")], "Hrs")


IO1_CANADA = json.dumps(
    {
        "product": {
            "productFamily": "Storage",
            "attributes": {
                "storageMedia": "SSD-backed",
                "volumeType": "Provisioned IOPS",
                "servicecode": "AmazonEC2",
                "usagetype": "CAN1-EBS:VolumeUsage.piops",
                "location": "Canada (Central)",
            },
            "sku": "WQGC34PB2AWS8R4U",
        },
        "serviceCode": "AmazonEC2",
        "terms": {
            "OnDemand": {
                "WQGC34PB2AWS8R4U.JRTCKXETXF": {
                    "priceDimensions": {
                        "WQGC34PB2AWS8R4U.JRTCKXETXF.6YS6EN2CT7": {
                            "unit": "GB-Mo",
                            "endRange": "Inf",
                            "description": "$0.138 per GB-month of Provisioned IOPS SSD (io1) provisioned storage",
                            "appliesTo": [],
                            "rateCode": "WQGC34PB2AWS8R4U.JRTCKXETXF.6YS6EN2CT7",
                            "beginRange": "0",
                            "pricePerUnit": {"USD": "0.1380000000"},
                        }
                    },
                    "sku": "WQGC34PB2AWS8R4U",
                    "effectiveDate": "2017-08-01T00:00:00Z",
                    "offerTermCode": "JRTCKXETXF",
                    "termAttributes": {},
                }
            }
        },
        "version": "20170901182201",
        "publicationDate": "2017-09-01T18:22:01Z",
    }
)
"""The product of botocore's ``GetProducts`` example (examples-1.json @cd92077), attributes abridged."""


def request(service: str, filters: list[tuple[str, str]], token: str | None = None) -> dict[str, Any]:
    params: dict[str, Any] = {
        "ServiceCode": service,
        "Filters": [{"Type": "TERM_MATCH", "Field": f, "Value": v} for f, v in filters],
        "FormatVersion": "aws_v1",
        "MaxResults": 100,
    }
    if token:
        params["NextToken"] = token
    return params


def entry(usd: str, unit: str) -> dict[str, str]:
    return {"usd": usd, "unit": unit, "source": "https://aws.amazon.com/", "retrieved": "2020-01-01"}


@pytest.fixture
def price_file(tmp_path: Path) -> Path:
    document = {
        "schema": 1,
        "version": "2020-01-01",
        "currency": "USD",
        "regions": {
            "global": {"route53.hosted-zone": entry("0.40", "zone-month")},
            "us-east-1": {
                "ec2.instance.t4g.micro": entry("0.0080", "hour"),
                "cognito.essentials.mau": entry("0.010", "MAU"),
                "lambda.requests": entry("0.0000002", "request"),
                "vpc.nat.hours": entry("0.040", "hour"),
            },
        },
    }
    path = tmp_path / "prices.json"
    path.write_text(dump_price_document(document))
    return path


def stubbed_client() -> tuple[Any, Stubber]:
    client = boto3.client("pricing", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y")
    return client, Stubber(client)


def test_refresh_rewrites_every_answered_price_with_its_api_source_and_todays_date(price_file: Path) -> None:
    client, stubber = stubbed_client()
    east = [("regionCode", "us-east-1")]
    stubber.add_response(
        "get_products",
        page(ZONE),
        request("AmazonRoute53", []),
    )
    stubber.add_response(
        "get_products",
        page(COGNITO_ESSENTIALS),
        request("AmazonCognito", east),
    )
    ec2_filters = [
        ("instanceType", "t4g.micro"),
        ("operatingSystem", "Linux"),
        ("tenancy", "Shared"),
        ("preInstalledSw", "NA"),
        ("capacitystatus", "Used"),
        ("licenseModel", "No License required"),
        *east,
    ]
    stubber.add_response(
        "get_products",
        page(T4G_MICRO),
        request("AmazonEC2", ec2_filters),
    )
    stubber.add_response("get_products", page(), request("AWSLambda", east))
    nat_filters = [("productFamily", "NAT Gateway"), *east]
    stubber.add_response(
        "get_products",
        page(NAT_BYTES, token="page-2"),
        request("AmazonEC2", nat_filters),
    )
    stubber.add_response(
        "get_products",
        page(NAT_HOURS),
        request("AmazonEC2", nat_filters, token="page-2"),
    )
    with stubber:
        assert main(["--file", str(price_file)], client=client) == 0
    stubber.assert_no_pending_responses()

    written = json.loads(price_file.read_text())
    east_entries = written["regions"]["us-east-1"]
    assert written["version"] == TODAY
    assert east_entries["ec2.instance.t4g.micro"] == {
        "usd": "0.0084",
        "unit": "hour",
        "source": "AWS Price List API AmazonEC2 sku T4GMICRO",
        "retrieved": TODAY,
    }
    assert east_entries["cognito.essentials.mau"]["usd"] == "0.015"
    assert east_entries["cognito.essentials.mau"]["free"] == "10000"
    assert east_entries["vpc.nat.hours"]["usd"] == "0.045"
    assert east_entries["vpc.nat.hours"]["source"].endswith("sku NATHOURS")
    assert written["regions"]["global"]["route53.hosted-zone"]["usd"] == "0.5"
    # Not answered: the old entry stays, untouched.
    assert east_entries["lambda.requests"] == entry("0.0000002", "request")
    load_price_book(price_file)  # still a valid price file


def test_refresh_reports_unanswered_keys_and_dry_run_writes_nothing(
    price_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = price_file.read_text()
    client, stubber = stubbed_client()
    for _ in range(5):
        stubber.add_response("get_products", page())
    with stubber:
        assert main(["--file", str(price_file), "--dry-run"], client=client) == 0
    assert price_file.read_text() == before
    err = capsys.readouterr()
    assert "kept us-east-1 lambda.requests: 0 products match (expected 1)" in err.err
    assert "0 prices updated, 5 kept" in err.out


def test_refresh_adds_a_region_with_us_east_1s_keys(price_file: Path) -> None:
    client, stubber = stubbed_client()
    for _ in range(6):
        stubber.add_response("get_products", page())
    stubber.add_response(
        "get_products",
        page(T4G_MICRO_FRANKFURT),
    )
    for _ in range(2):
        stubber.add_response("get_products", page())
    with stubber:
        assert main(["--file", str(price_file), "--regions", "eu-central-1"], client=client) == 0
    written = json.loads(price_file.read_text())
    assert written["regions"]["eu-central-1"] == {
        "ec2.instance.t4g.micro": {
            "usd": "0.0096",
            "unit": "hour",
            "source": "AWS Price List API AmazonEC2 sku FRA",
            "retrieved": TODAY,
        }
    }


def test_every_price_key_in_the_shipped_file_has_a_price_list_query_or_says_why_not() -> None:
    document = json.loads((Path(__file__).parents[2] / "policies" / "cost" / "prices.json").read_text())
    keys = {key for entries in document["regions"].values() for key in entries}
    assert [key for key in sorted(keys) if query_for(key) is None and key not in NOT_IN_PRICE_LIST] == []
    assert set(NOT_IN_PRICE_LIST) <= keys


def test_the_botocore_example_product_reads_as_its_on_demand_price() -> None:
    example = json.loads(IO1_CANADA)
    found = on_demand_price(example)
    assert (found.usd, found.free, found.sku) == (Decimal("0.138"), Decimal(0), "WQGC34PB2AWS8R4U")


def test_refresh_reads_the_new_families_with_their_own_filters(tmp_path: Path) -> None:
    east = [("regionCode", "us-east-1")]
    path = tmp_path / "prices.json"
    keys = {
        "eks.cluster.standard": "hour",
        "globalaccelerator.fixed": "hour",
        "kinesis.shard": "hour",
        "msk.broker.kafka.m5.large": "hour",
        "opensearch.instance.r6g.large.search": "hour",
        "redshift.node.ra3.xlplus": "hour",
    }
    document = {
        "schema": 1,
        "version": "2020-01-01",
        "currency": "USD",
        "regions": {"us-east-1": {key: entry("1", unit) for key, unit in keys.items()}},
    }
    path.write_text(dump_price_document(document))
    client, stubber = stubbed_client()
    eks = product("EKS1", "AmazonEKS", "USE1-AmazonEKS-Hours:perCluster", [("0", "Inf", "0.1000000000")], "Hours")
    stubber.add_response("get_products", page(eks), request("AmazonEKS", [("productFamily", "Compute"), *east]))
    shard = product("KIN1", "AmazonKinesis", "USE1-Storage-ShardHour", [("0", "Inf", "0.0150000000")], "ShardHour")
    kinesis_filters = [("productFamily", "Kinesis Streams"), ("operation", "shardHourStorage"), *east]
    stubber.add_response("get_products", page(shard), request("AmazonKinesis", kinesis_filters))
    brokers = [
        product("MSKL", "AmazonMSK", "USE1-Kafka.m5.large", [("0", "Inf", "0.2100000000")], "Hrs"),
        product("MSKX", "AmazonMSK", "USE1-Kafka.m5.xlarge", [("0", "Inf", "0.4200000000")], "Hrs"),
        product("MSKS", "AmazonMSK", "USE1-Kafka.Storage.GP2", [("0", "Inf", "0.1000000000")], "GB-Mo"),
    ]
    msk_filters = [("productFamily", "Managed Streaming for Apache Kafka (MSK)"), *east]
    stubber.add_response("get_products", page(*brokers), request("AmazonMSK", msk_filters))
    search = product("OS1", "AmazonES", "USE1-ESInstance:r6g.large", [("0", "Inf", "0.1670000000")], "Hrs")
    search_filters = [
        ("productFamily", "Amazon OpenSearch Service Instance"),
        ("instanceType", "r6g.large.search"),
        *east,
    ]
    stubber.add_response("get_products", page(search), request("AmazonES", search_filters))
    node = product("RS1", "AmazonRedshift", "USE1-Node:ra3.xlplus", [("0", "Inf", "1.0860000000")], "Hrs")
    redshift_filters = [("productFamily", "Compute Instance"), ("instanceType", "ra3.xlplus"), *east]
    stubber.add_response("get_products", page(node), request("AmazonRedshift", redshift_filters))
    with stubber:
        assert main(["--file", str(path)], client=client) == 0
    stubber.assert_no_pending_responses()
    written = json.loads(path.read_text())["regions"]["us-east-1"]
    assert {key: written[key]["usd"] for key in keys} == {
        "eks.cluster.standard": "0.1",
        "globalaccelerator.fixed": "1",  # not in the Price List: kept as it was
        "kinesis.shard": "0.015",
        "msk.broker.kafka.m5.large": "0.21",  # the broker whose usage type names it, not its siblings
        "opensearch.instance.r6g.large.search": "0.167",
        "redshift.node.ra3.xlplus": "1.086",
    }
    assert written["msk.broker.kafka.m5.large"]["source"] == "AWS Price List API AmazonMSK sku MSKL"


def test_unreadable_price_file_is_a_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "prices.json"
    bad.write_text("{not json")
    assert main(["--file", str(bad)], client=object()) == 2
    assert capsys.readouterr().err.startswith(f"error: {bad}:")


def test_refresh_fills_an_existing_region_with_the_us_east_1_keys_it_lacks(tmp_path: Path) -> None:
    path = tmp_path / "prices.json"
    document = {
        "schema": 1,
        "version": "2020-01-01",
        "currency": "USD",
        "regions": {
            "us-east-1": {"eks.cluster.standard": entry("0.10", "hour"), "kinesis.shard": entry("0.015", "hour")},
            "us-west-2": {"kinesis.shard": entry("0.015", "hour")},
        },
    }
    path.write_text(dump_price_document(document))
    client, stubber = stubbed_client()
    for _ in range(3):  # us-east-1's two keys, then us-west-2's kinesis.shard: none answered
        stubber.add_response("get_products", page())
    west = product("EKSW", "AmazonEKS", "USW2-AmazonEKS-Hours:perCluster", [("0", "Inf", "0.1000000000")], "Hours")
    stubber.add_response("get_products", page(west))
    with stubber:
        assert main(["--file", str(path), "--regions", "us-west-2"], client=client) == 0
    written = json.loads(path.read_text())["regions"]["us-west-2"]
    assert written["eks.cluster.standard"]["source"] == "AWS Price List API AmazonEKS sku EKSW"
    assert written["kinesis.shard"] == entry("0.015", "hour")  # kept: it was there before

"""S3-compatible storage, against a real S3 server (moto's, on a free port): the files are put
in the bucket with their type and caching, read back at their public address, and that
address is accepted by orders. /media/ serves nothing then."""

from __future__ import annotations

import json
import socket
import urllib.request

import boto3
import pytest
from moto.server import ThreadedMotoServer

from tests.helpers.api import assert_error
from tests.helpers.orders import create_order
from tests.helpers.uploads import image_bytes, key_of, upload

BUCKET = "shaoxian-photos"
# What an operator sets on the bucket (README, "Uploads"): anyone may read its objects.
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*",
        }
    ],
}
CREDENTIALS = {"S3_ACCESS_KEY_ID": "testing", "S3_SECRET_ACCESS_KEY": "testing"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(app, s3_endpoint, monkeypatch):
    """An empty bucket, and the app storing its uploads there (S3_BUCKET set, nothing else
    chosen), addressed path-style under the server's own address."""
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=BUCKET)
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ))
    settings = {
        "S3_BUCKET": BUCKET,
        "S3_ENDPOINT_URL": s3_endpoint,
        "S3_REGION": "us-east-1",
        "S3_PUBLIC_BASE_URL": f"{s3_endpoint}/{BUCKET}",
        **CREDENTIALS,
    }
    for name, value in settings.items():
        monkeypatch.setitem(app.config, name, value)
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def test_an_upload_is_put_in_the_bucket_and_read_back(client, world, bucket, s3_endpoint):
    data = image_bytes("JPEG", (900, 600))

    body = upload(client, world.a.resident, data, "a.jpg").get_json()

    assert body["url"].startswith(f"{s3_endpoint}/{BUCKET}/")
    key, thumbnail = key_of(body["url"]), key_of(body["thumbnail_url"])
    keys = sorted(item["Key"] for item in bucket.list_objects_v2(Bucket=BUCKET)["Contents"])
    assert keys == sorted([key, thumbnail])
    stored = bucket.get_object(Bucket=BUCKET, Key=key)
    assert stored["ContentType"] == "image/jpeg"
    assert stored["CacheControl"] == "public, max-age=31536000, immutable"
    assert stored["ContentLength"] == body["bytes"]
    with urllib.request.urlopen(body["thumbnail_url"], timeout=5) as answer:
        assert answer.headers["Content-Type"] == "image/jpeg"
        assert (
            len(answer.read()) == bucket.head_object(Bucket=BUCKET, Key=thumbnail)["ContentLength"]
        )


def test_a_refused_image_puts_nothing(client, world, bucket):
    response = upload(client, world.a.resident, b"not an image", "a.jpg")

    assert_error(response, 422, "VALIDATION_ERROR")
    assert bucket.list_objects_v2(Bucket=BUCKET).get("KeyCount") == 0


def test_its_address_is_an_order_photo(client, world, bucket):
    photo = upload(client, world.a.resident, image_bytes()).get_json()

    order = create_order(
        client, world.a.resident, world.a.community, world.item, photos=[photo["url"]]
    )

    assert order["photos"] == [photo["url"]]


def test_media_serves_nothing_with_s3(client, world, bucket, tmp_path, monkeypatch, app):
    photo = upload(client, world.a.resident, image_bytes()).get_json()

    response = client.get(f"/media/{key_of(photo['url'])}")

    assert_error(response, 404, "NOT_FOUND")

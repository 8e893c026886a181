"""The mini-program's HTTP API (`/api/v1`): thin views over the services in `app/`."""

from miniprogram_api.activities import blp as activities_blp
from miniprogram_api.announcements import blp as announcements_blp
from miniprogram_api.auth import blp as auth_blp
from miniprogram_api.bookings import blp as bookings_blp
from miniprogram_api.catalog import blp as catalog_blp
from miniprogram_api.commitments import blp as commitments_blp
from miniprogram_api.devices import blp as devices_blp
from miniprogram_api.duties import blp as duties_blp
from miniprogram_api.mall import blp as mall_blp
from miniprogram_api.member_orders import blp as member_orders_blp
from miniprogram_api.members import blp as members_blp
from miniprogram_api.merchants import blp as merchants_blp
from miniprogram_api.messages import blp as messages_blp
from miniprogram_api.orders import blp as orders_blp
from miniprogram_api.pairings import blp as pairings_blp
from miniprogram_api.records import blp as records_blp
from miniprogram_api.staff_activities import blp as staff_activities_blp
from miniprogram_api.staff_bookings import blp as staff_bookings_blp
from miniprogram_api.staff_content_reviews import blp as staff_content_reviews_blp
from miniprogram_api.staff_duties import blp as staff_duties_blp
from miniprogram_api.staff_mall import blp as staff_mall_blp
from miniprogram_api.staff_members import blp as staff_members_blp
from miniprogram_api.staff_merchants import blp as staff_merchants_blp
from miniprogram_api.staff_orders import blp as staff_orders_blp
from miniprogram_api.staff_venues import blp as staff_venues_blp
from miniprogram_api.stats import blp as stats_blp
from miniprogram_api.suggestions import blp as suggestions_blp
from miniprogram_api.team_orders import blp as team_orders_blp
from miniprogram_api.teams import blp as teams_blp
from miniprogram_api.units import blp as units_blp
from miniprogram_api.uploads import blp as uploads_blp
from miniprogram_api.venues import blp as venues_blp
from miniprogram_api.wishes import blp as wishes_blp

BLUEPRINTS = [
    auth_blp,
    catalog_blp,
    venues_blp,
    merchants_blp,
    orders_blp,
    member_orders_blp,
    staff_orders_blp,
    members_blp,
    staff_members_blp,
    staff_merchants_blp,
    staff_venues_blp,
    messages_blp,
    staff_content_reviews_blp,
    announcements_blp,
    mall_blp,
    staff_mall_blp,
    bookings_blp,
    staff_bookings_blp,
    activities_blp,
    staff_activities_blp,
    uploads_blp,
    devices_blp,
    units_blp,
    commitments_blp,
    wishes_blp,
    suggestions_blp,
    pairings_blp,
    teams_blp,
    team_orders_blp,
    stats_blp,
    duties_blp,
    staff_duties_blp,
    records_blp,
]

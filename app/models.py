"""Imports every model so the metadata (and Alembic) knows every table."""

from app.accounts.models import LoginThrottle, Role, User, UserRole  # noqa: F401
from app.activities.models import Activity, ActivitySignup  # noqa: F401
from app.bookings.models import Booking  # noqa: F401
from app.catalog.models import CatalogItem, Category, CategoryKind  # noqa: F401
from app.commitments.models import Commitment, CommitmentItem, CommitmentMark  # noqa: F401
from app.devices.models import Device, DeviceCarer, DeviceNonce  # noqa: F401
from app.duties.models import CheckIn, LiaisonVenue, WallEntry  # noqa: F401
from app.mall.models import Redemption, RedemptionKey, Reward, RewardClaim  # noqa: F401
from app.members.models import MemberProfile, RegistrationStatus  # noqa: F401
from app.merchants.models import Merchant, MerchantCategory, MerchantService  # noqa: F401
from app.moderation.models import ContentReview  # noqa: F401
from app.notifications.models import Announcement, Delivery, Message, SubscriptionQuota  # noqa: F401
from app.orders.models import IdempotencyKey, Order, OrderEvent, OrderSource, OrderStatus  # noqa: F401
from app.org.leads import BuildingLead  # noqa: F401
from app.org.models import Building, Community, Grid, Street  # noqa: F401
from app.pairings.models import Pairing, PairingVisit  # noqa: F401
from app.points.models import PointsBalance, PointsEntry, PointsReason  # noqa: F401
from app.records.models import Evaluation, FeedbackCard  # noqa: F401
from app.suggestions.models import Suggestion  # noqa: F401
from app.teams.models import ServiceTeam, TeamCategory, TeamMembership  # noqa: F401
from app.units.models import CoBuildingUnit, UnitAccount, UnitKind, unit_communities  # noqa: F401
from app.uploads.models import Upload, UploadPurpose  # noqa: F401
from app.venues.models import Venue, VenueType  # noqa: F401
from app.venues.rooms import VenueRoom  # noqa: F401
from app.wishes.models import Wish  # noqa: F401

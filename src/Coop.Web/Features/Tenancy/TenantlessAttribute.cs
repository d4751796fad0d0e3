namespace Coop.Web.Features.Tenancy;

/// <summary>
/// Marks an endpoint (a controller, an action, or a minimal endpoint through <c>WithMetadata</c>) as the platform's:
/// accounts, the operator console, webhooks, invitations, health. Its path is never a cooperative's, even on a
/// cooperative's own host name (see <see cref="TenantlessPaths"/>). Every endpoint is either under
/// <c>/c/{tenant}</c> or marked so; a convention test checks it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class TenantlessAttribute : Attribute;

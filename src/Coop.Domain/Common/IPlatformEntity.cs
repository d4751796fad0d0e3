namespace Coop.Domain.Common;

/// <summary>
/// Marks an entity that deliberately belongs to the whole platform (tenants, user accounts, the outbox).
/// Every entity is either <see cref="Tenancy.ITenantOwned"/> or this; a model test fails on any with neither.
/// </summary>
public interface IPlatformEntity;

namespace Coop.Domain.Tenancy;

public enum TenantState
{
    Provisioning = 1,
    Active = 2,
    Suspended = 3,
    Archived = 4,
}

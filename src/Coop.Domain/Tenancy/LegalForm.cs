namespace Coop.Domain.Tenancy;

public enum LegalForm
{
    Scop = 1,
    Scic = 2,
    QuebecSolidarityCoop = 3,
    Other = 9,
}

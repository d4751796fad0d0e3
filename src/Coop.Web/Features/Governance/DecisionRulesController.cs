using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Governance;
using Coop.Web.Features.Audit;
using Coop.Web.Features.Membership;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Governance;

/// <summary>
/// The statutes' voting rules, one per decision type and convocation, starting from the legal form's preset.
/// Changes apply to votes opened afterwards: a vote under way keeps the rule frozen at its opening.
/// </summary>
[Route("c/{tenant}/admin/decision-rules")]
[Authorize(Policy = Policies.Admin)]
public sealed class DecisionRulesController(CoopDbContext db, TenantContext tenantContext, DecisionRules rules, AuditLog audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View("DecisionRules", new DecisionRulesModel(tenantContext.Current!.Slug, await rules.AllAsync(ct), null, null));

    [HttpPost("{type}/{convocation}")]
    public async Task<IActionResult> Save(DecisionType type, Convocation convocation, RuleForm form, CancellationToken ct)
    {
        if (!Enum.IsDefined(type) || !Enum.IsDefined(convocation)) return NotFound();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("DecisionRules", new DecisionRulesModel(tenantContext.Current!.Slug, await rules.AllAsync(ct), (type, convocation), form));
        }
        var current = await rules.ForAsync(type, convocation, ct);
        var before = current.ToDecisionRule().ToString();
        var stored = await db.StatutoryRules.FirstOrDefaultAsync(r => r.DecisionType == type && r.Convocation == convocation, ct);
        var proxyCap = tenantContext.Current!.LegalForm == Domain.Tenancy.LegalForm.QuebecSolidarityCoop ? ProxyCap.Forbidden : form.ProxyCap;
        if (stored is null)
        {
            stored = new StatutoryRule(type, convocation, form.ToRule(), proxyCap, form.ProxyFixedCap, form.BlankProxy, form.SecretForElections);
            db.StatutoryRules.Add(stored);
        }
        else stored.Change(form.ToRule(), proxyCap, form.ProxyFixedCap, form.BlankProxy, form.SecretForElections);
        audit.Record("rules.changed", stored.Id, $"{type} / {convocation}", before, stored.ToDecisionRule().ToString());
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Rules.Saved";
        return Redirect($"/c/{tenantContext.Current!.Slug}/admin/decision-rules#rule-{type}-{convocation}");
    }
}

public sealed record DecisionRulesModel(string Slug, IReadOnlyList<StatutoryRule> Rules, (DecisionType, Convocation)? Failed, RuleForm? Form);

public sealed class RuleForm
{
    public int QuorumNumerator { get; set; }
    public int QuorumDenominator { get; set; } = 1;
    public int MajorityNumerator { get; set; } = 1;
    public int MajorityDenominator { get; set; } = 2;
    public bool StrictMajority { get; set; }
    public MajorityBase MajorityBase { get; set; } = MajorityBase.VotesCast;
    public bool AbstentionsCountAsCast { get; set; }
    public bool BlanksCountAsCast { get; set; }
    public Weighting Weighting { get; set; } = Weighting.OneMemberOneVote;
    public int BlocNumerator { get; set; } = 3;
    public int BlocDenominator { get; set; } = 5;
    public ProxyCap ProxyCap { get; set; } = ProxyCap.Fixed;
    public int ProxyFixedCap { get; set; } = 1;
    public BlankProxyRule BlankProxy { get; set; } = BlankProxyRule.FollowBoard;
    public bool SecretForElections { get; set; }

    public DecisionRule ToRule() => new(new Fraction(QuorumNumerator, QuorumDenominator), new Fraction(MajorityNumerator, MajorityDenominator),
        StrictMajority, MajorityBase, AbstentionsCountAsCast, BlanksCountAsCast, Weighting, new Fraction(BlocNumerator, BlocDenominator));
}

public sealed class RuleFormValidator : AbstractValidator<RuleForm>
{
    public RuleFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.QuorumDenominator).InclusiveBetween(1, 1000).WithMessage(_ => l["Rules.Fraction"]);
        RuleFor(x => x.QuorumNumerator).Must((f, n) => n >= 0 && n <= f.QuorumDenominator).WithMessage(_ => l["Rules.Fraction"]);
        RuleFor(x => x.MajorityDenominator).InclusiveBetween(1, 1000).WithMessage(_ => l["Rules.Fraction"]);
        RuleFor(x => x.MajorityNumerator).Must((f, n) => n >= 1 && n <= f.MajorityDenominator).WithMessage(_ => l["Rules.Fraction"]);
        RuleFor(x => x.BlocDenominator).InclusiveBetween(1, 1000).WithMessage(_ => l["Rules.Fraction"]);
        RuleFor(x => x.BlocNumerator).Must((f, n) => n >= 1 && n <= f.BlocDenominator).WithMessage(_ => l["Rules.Fraction"]);
        RuleFor(x => x.MajorityBase).IsInEnum().WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.Weighting).IsInEnum().WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.ProxyCap).IsInEnum().WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.BlankProxy).IsInEnum().WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.ProxyFixedCap).InclusiveBetween(0, 100).WithMessage(_ => l["Validation.ValueInvalid"]);
    }
}

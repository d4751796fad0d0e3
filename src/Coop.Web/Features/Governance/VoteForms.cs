using Coop.Domain.Governance;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Governance;

/// <summary>A poll outside assemblies (board decision or consultation). It opens as soon as it is created.</summary>
public sealed class PollForm
{
    public string? Title { get; set; }
    public string? Body { get; set; }
    public VoteMethod Method { get; set; } = VoteMethod.Proposal;
    public DecisionType DecisionType { get; set; } = DecisionType.Consultation;
    /// <summary>One option per line.</summary>
    public string? Options { get; set; }
    public int MaxChoicesOrScore { get; set; } = 3;
    public DateTime? ClosesAt { get; set; }
    public bool Secret { get; set; }
    public bool HideResultsUntilClose { get; set; }

    public IReadOnlyList<string> OptionList => (Options ?? string.Empty).Split('\n').Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
}

public sealed class PollFormValidator : AbstractValidator<PollForm>
{
    public PollFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage(_ => l["Validation.Required"]).MaximumLength(200).WithMessage(_ => l["Validation.TooLong", 200]);
        RuleFor(x => x.Body).MaximumLength(20_000).WithMessage(_ => l["Validation.TooLong", 20_000]);
        RuleFor(x => x.Method).IsInEnum().NotEqual(VoteMethod.Resolution).WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.DecisionType).Must(t => t is DecisionType.Board or DecisionType.Consultation).WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.ClosesAt).NotNull().WithMessage(_ => l["Validation.Required"]);
        RuleFor(x => x.Options).Must((form, _) => !Vote.NeedsOptions(form.Method) || form.OptionList.Count is >= 2 and <= Vote.MaxOptions)
            .WithMessage(_ => l["Vote.OptionsCount", 2, Vote.MaxOptions]);
        RuleFor(x => x.Options).Must((form, _) => form.OptionList.All(o => o.Length <= 200)).WithMessage(_ => l["Validation.TooLong", 200]);
        RuleFor(x => x.Options).Must((form, _) => form.OptionList.Distinct(StringComparer.CurrentCultureIgnoreCase).Count() == form.OptionList.Count)
            .WithMessage(_ => l["Vote.OptionsDistinct"]);
        RuleFor(x => x.MaxChoicesOrScore).InclusiveBetween(1, Vote.MaxOptions).WithMessage(_ => l["Validation.ValueInvalid"]);
    }
}

/// <summary>
/// A ballot from a page. <see cref="Values"/> carries a score or grade per option, or for ranked choice the rank
/// typed beside each option (blank = not ranked), which is turned into an ordered ranking.
/// </summary>
public sealed class BallotForm
{
    public Choice? Choice { get; set; }
    public List<int>? Options { get; set; }
    public List<int?>? Values { get; set; }
    public string? Reason { get; set; }
    /// <summary>The member the ballot is for, when voting with a proxy.</summary>
    public Guid? ForMember { get; set; }
    /// <summary>Secret vote: the receipt of the ballot being changed.</summary>
    public string? Replaces { get; set; }

    /// <summary>The form as the voter's current ballot fills it, so the page shows what they chose.</summary>
    public static BallotForm Of(Vote vote, Ballot? current)
    {
        ArgumentNullException.ThrowIfNull(vote);
        if (current is null) return new BallotForm();
        if (current.Choice is { } choice) return new BallotForm { Choice = choice, Reason = current.Reason };
        var numbers = BallotContent.Numbers(current.Answer);
        return vote.Method switch
        {
            VoteMethod.Score or VoteMethod.MajorityJudgment => new BallotForm { Values = numbers.Select(n => (int?)n).ToList(), Reason = current.Reason },
            VoteMethod.RankedChoice => new BallotForm
            {
                Values = Enumerable.Range(0, vote.Options.Count).Select(o => numbers.ToList().IndexOf(o) is var rank and >= 0 ? rank + 1 : (int?)null).ToList(),
                Reason = current.Reason,
            },
            _ => new BallotForm { Options = numbers.ToList(), Reason = current.Reason },
        };
    }

    public BallotInput ToInput(VoteMethod method)
    {
        if (method != VoteMethod.RankedChoice)
            return new BallotInput(Choice, Options, Values?.Select(v => v ?? -1).ToList());
        var ranked = (Values ?? []).Select((rank, option) => (rank, option)).Where(x => x.rank is not null).ToList();
        if (ranked.Select(x => x.rank).Distinct().Count() != ranked.Count) throw new GovernanceRefusalException("Governance.Ballot.DuplicateRank");
        return new BallotInput(Options: ranked.OrderBy(x => x.rank).Select(x => x.option).ToList());
    }
}

public sealed class BallotFormValidator : AbstractValidator<BallotForm>
{
    public BallotFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Reason).MaximumLength(2000).WithMessage(_ => l["Validation.TooLong", 2000]);
        RuleFor(x => x.Options).Must(o => o is null || o.Count <= Vote.MaxOptions).WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.Values).Must(o => o is null || o.Count <= Vote.MaxOptions).WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.Replaces).MaximumLength(40).WithMessage(_ => l["Validation.TooLong", 40]);
    }
}

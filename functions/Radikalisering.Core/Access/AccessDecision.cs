using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;

namespace Radikalisering.Core.Access;

/// <summary>Either the authorized caller or the problem response that refuses them.</summary>
public sealed class AccessDecision
{
    private AccessDecision(ClientPrincipal? principal, IResult? refusal)
    {
        Principal = principal;
        Refusal = refusal;
    }

    public ClientPrincipal? Principal { get; }

    public IResult? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Principal))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsGranted => Principal is not null;

    internal static AccessDecision Grant(ClientPrincipal principal) => new(principal, null);

    internal static AccessDecision Refuse(IResult refusal) => new(null, refusal);
}

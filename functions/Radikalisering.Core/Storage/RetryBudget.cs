using Azure.Core;

namespace Radikalisering.Core.Storage;

/// <summary>
/// The bounded retry budget of every Azure client the API calls (Table Storage, Key Vault): a few quick
/// exponential retries that ride out a dropped connection or a short outage, then a failure the handler
/// answers with 503 and <c>Retry-After</c>. At most about <see cref="WorstCase"/> per call, well under the
/// Functions timeout, instead of the SDK default (3 retries of up to 100 s each).
/// </summary>
public static class RetryBudget
{
    public const int MaxRetries = 8;
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Every try timing out plus every back-off at its longest.</summary>
    public static readonly TimeSpan WorstCase = (NetworkTimeout * (MaxRetries + 1)) + (MaxDelay * MaxRetries);

    /// <summary>What a 503 tells the client to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static void Apply(RetryOptions retry)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = MaxRetries;
        retry.Delay = Delay;
        retry.MaxDelay = MaxDelay;
        retry.NetworkTimeout = NetworkTimeout;
    }
}

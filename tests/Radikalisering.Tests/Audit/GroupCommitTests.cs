using Radikalisering.Core.Audit;

namespace Radikalisering.Tests.Audit;

/// <summary>The group commit the audit table and the trail write through: who waits, what goes together, what fails.</summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task A_lone_item_is_committed_at_once_on_its_own()
    {
        var commits = new List<IReadOnlyList<int>>();
        using var group = new GroupCommit<int>(100, batch =>
        {
            commits.Add(batch);
            return Task.CompletedTask;
        });

        await group.WriteAsync(7, CancellationToken.None);

        Assert.Equal([7], Assert.Single(commits));
    }

    [Fact]
    public async Task Items_arriving_during_a_commit_go_together_in_the_next_up_to_the_batch_size()
    {
        var commits = new HeldFirstCommit();
        using var group = new GroupCommit<int>(3, commits.CommitAsync);

        var first = group.WriteAsync(0, CancellationToken.None);
        await commits.FirstUnderWay;
        var later = Enumerable.Range(1, 5).Select(item => group.WriteAsync(item, CancellationToken.None)).ToArray();
        commits.ReleaseFirst();
        await Task.WhenAll([first, .. later]);

        Assert.Equal([[0], [1, 2, 3], [4, 5]], commits.Batches.Select(batch => batch.ToArray()));
    }

    [Fact]
    public async Task A_failed_commit_fails_every_item_it_held_and_the_next_commit_goes_on()
    {
        var commits = new HeldFirstCommit { FailsOn = 2 };
        using var group = new GroupCommit<int>(100, commits.CommitAsync);

        var first = group.WriteAsync(0, CancellationToken.None);
        await commits.FirstUnderWay;
        var failing = new[] { group.WriteAsync(1, CancellationToken.None), group.WriteAsync(2, CancellationToken.None) };
        commits.ReleaseFirst();
        await first;

        foreach (var write in failing)
        {
            Assert.Equal("storage down", (await Assert.ThrowsAsync<InvalidOperationException>(() => write)).Message);
        }

        await group.WriteAsync(3, CancellationToken.None);
        Assert.Equal(3, commits.Batches.Count);
    }

    [Fact]
    public async Task A_caller_that_gives_up_while_waiting_is_cancelled_and_its_item_is_still_written()
    {
        var commits = new HeldFirstCommit();
        using var group = new GroupCommit<int>(100, commits.CommitAsync);

        var first = group.WriteAsync(0, CancellationToken.None);
        await commits.FirstUnderWay;
        using var givingUp = new CancellationTokenSource();
        var impatient = group.WriteAsync(1, givingUp.Token);
        await givingUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        commits.ReleaseFirst();
        await first;
        await group.WriteAsync(2, CancellationToken.None);

        Assert.Equal([0, 1, 2], commits.Batches.SelectMany(batch => batch));
    }

    /// <summary>A commit that records every batch, holds the first one until released, and fails any batch holding <see cref="FailsOn"/>.</summary>
    private sealed class HeldFirstCommit
    {
        private readonly TaskCompletionSource _firstUnderWay = new();
        private readonly TaskCompletionSource _releaseFirst = new();

        public List<IReadOnlyList<int>> Batches { get; } = [];

        public int? FailsOn { get; init; }

        public Task FirstUnderWay => _firstUnderWay.Task;

        public void ReleaseFirst() => _releaseFirst.SetResult();

        public async Task CommitAsync(IReadOnlyList<int> batch)
        {
            Batches.Add(batch);
            if (Batches.Count == 1)
            {
                _firstUnderWay.SetResult();
                await _releaseFirst.Task;
            }
            else if (FailsOn is { } item && batch.Contains(item))
            {
                throw new InvalidOperationException("storage down");
            }
        }
    }
}

export interface GithubRepository {
  owner: string;
  name: string;
}
export declare function githubRepository(repository: string | { url?: string } | undefined): GithubRepository;
export declare function absoluteLinks(markdown: string, repository: GithubRepository, ref?: string): string;

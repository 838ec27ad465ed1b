import { describe, expect, it } from "vitest";
import { teamFate } from "./account-teams.ts";

describe("teamFate", () => {
  it("deletes a team along with its only member", () => {
    expect(teamFate("coordinator", 1, 1)).toBe("deleteAlong");
    expect(teamFate("member", 1, 0)).toBe("deleteAlong");
  });
  it("asks the only coordinator of a team with others in it to choose", () => {
    expect(teamFate("coordinator", 3, 1)).toBe("choose");
  });
  it("lets plain members and one of several coordinators leave", () => {
    expect(teamFate("member", 3, 1)).toBe("leave");
    expect(teamFate("coordinator", 3, 2)).toBe("leave");
  });
});

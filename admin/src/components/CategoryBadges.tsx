import { Badge, Flex, Typography } from '@strapi/design-system';

/** Category names as small badges; a dash when there are none. */
export const CategoryBadges = ({ names }: { names: string[] }) =>
  names.length === 0 ? (
    <Typography textColor="neutral500">–</Typography>
  ) : (
    <Flex gap={1} wrap="wrap">
      {names.map((name) => (
        <Badge key={name} size="S">
          {name}
        </Badge>
      ))}
    </Flex>
  );

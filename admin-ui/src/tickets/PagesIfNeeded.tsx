import { Pagination, useListContext } from 'react-admin';

/** Pagination for embedded lists (notes, history), shown only when there is more than one page. */
export const PagesIfNeeded = () => {
  const { total, perPage } = useListContext();
  if (total === undefined || total <= perPage) return null;
  return <Pagination rowsPerPageOptions={[perPage]} />;
};
